import { z } from 'zod';

/** Whitespace and invisible format characters (zero-width space U+200B, joiners, bidi marks, BOM: \p{Cf}). */
const INVISIBLE = /[\p{White_Space}\p{Cf}]/gu;

/** Does the text have at least one character a reader can see? */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE, '') !== '';
}

/**
 * A required text field (title, name, full name): trimmed, at most `max` characters, and refused with
 * `requiredCode` when nothing visible is left: `.min(1)` after trim() accepts "\u200B", which would show as an
 * empty title or link.
 */
export function requiredText(max: number, requiredCode: string, tooLongCode = 'too_long') {
  return z.string().trim().max(max, tooLongCode).refine(hasVisibleText, requiredCode);
}
