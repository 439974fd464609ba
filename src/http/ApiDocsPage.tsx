import { BareLayout } from '../web/components/BareLayout.js';
import { apiDocsMessages as m } from './api-docs.messages.js';
import {
  HTTP_METHODS,
  refName,
  type ApiOperation,
  type ApiResponse,
  type HttpMethod,
  type JsonSchema,
  type MediaType,
  type OpenApiDocument,
} from './openapi.js';

/**
 * The OpenAPI document drawn on the server as one readable page: no script, no external asset. Every operation
 * with its method, path, parameters, request and response schemas and examples; then every named schema. Headings
 * are Vietnamese; schema, field and parameter names stay as the API spells them.
 */
export function ApiDocsPage({ doc, jsonHref }: { doc: OpenApiDocument; jsonHref: string }) {
  const groups = operationsByTag(doc);
  return (
    <BareLayout title={`${m.title} – congxa`}>
      <div class="api-docs">
        <h1>{m.title}</h1>
        <p>{m.version(doc.info.version)}</p>
        <p>{doc.info.description}</p>
        <p>
          <a href={jsonHref}>{m.json}</a>
        </p>
        <nav aria-labelledby="muc-luc">
          <h2 id="muc-luc">{m.contents}</h2>
          <ul>
            <li>
              <a href="#xac-thuc">{m.auth.title}</a>
            </li>
            <li>
              <a href="#loi">{m.errors.title}</a>
            </li>
            {groups.map((g) => (
              <li key={g.tag.name}>
                <a href={`#tag-${g.tag.name}`}>{g.tag.description}</a>
                <ul>
                  {g.operations.map((o) => (
                    <li key={o.op.operationId}>
                      <a href={`#op-${o.op.operationId}`}>
                        {o.method.toUpperCase()} {o.path}
                      </a>
                      : {o.op.summary}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#luoc-do">{m.schemas.title}</a>
            </li>
          </ul>
        </nav>

        <h2 id="xac-thuc">{m.auth.title}</h2>
        <p>{m.auth.public}</p>
        <p>{m.auth.staff}</p>
        <pre>
          <code>Authorization: Bearer cx_…</code>
        </pre>
        <p>{m.auth.roles}</p>

        <h2 id="loi">{m.errors.title}</h2>
        <p>
          {m.errors.body} <a href="#schema-Error">Error</a>
        </p>

        {groups.map((g) => (
          <section key={g.tag.name} aria-labelledby={`tag-${g.tag.name}`}>
            <h2 id={`tag-${g.tag.name}`}>
              {g.tag.description} (<code>{g.tag.name}</code>)
            </h2>
            {g.operations.map((o) => (
              <Operation key={o.op.operationId} {...o} />
            ))}
          </section>
        ))}

        <section aria-labelledby="luoc-do">
          <h2 id="luoc-do">{m.schemas.title}</h2>
          {Object.entries(doc.components.schemas).map(([name, s]) => (
            <section key={name} aria-labelledby={`schema-${name}`}>
              <h3 id={`schema-${name}`}>
                <code>{name}</code>
              </h3>
              {s.description && <p>{s.description}</p>}
              <p>
                <TypeLabel s={s} />
              </p>
              <Properties s={s} />
            </section>
          ))}
        </section>
      </div>
    </BareLayout>
  );
}

type OperationEntry = { method: HttpMethod; path: string; op: ApiOperation };

/** The operations under each tag, in the order of the tags and of the paths. */
export function operationsByTag(
  doc: OpenApiDocument,
): { tag: OpenApiDocument['tags'][number]; operations: OperationEntry[] }[] {
  const all: OperationEntry[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const op = item[method];
      return op ? [{ method, path, op }] : [];
    }),
  );
  return doc.tags
    .map((tag) => ({ tag, operations: all.filter((o) => o.op.tags?.includes(tag.name)) }))
    .filter((g) => g.operations.length > 0);
}

function Operation({ method, path, op }: OperationEntry) {
  const o = m.operation;
  return (
    <section aria-labelledby={`op-${op.operationId}`}>
      <h3 id={`op-${op.operationId}`}>
        <span class="api-method">{method.toUpperCase()}</span> <code>{path}</code>: {op.summary}
      </h3>
      {op.description && <p>{op.description}</p>}
      <p>{op.security && op.security.length > 0 ? o.needsToken : o.public}</p>

      <h4>{o.parameters}</h4>
      {op.parameters && op.parameters.length > 0 ? (
        <ul>
          {op.parameters.map((p) => (
            <li key={`${p.in}-${p.name}`}>
              <code>{p.name}</code> ({o.in[p.in] ?? p.in}, {p.required ? o.required : o.optional};{' '}
              <TypeLabel s={p.schema} />
              ): {p.description}
              {p.example !== undefined && (
                <>
                  {' '}
                  {o.example}:{' '}
                  <code>{typeof p.example === 'string' ? p.example : JSON.stringify(p.example)}</code>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{o.noParameters}</p>
      )}

      {op.requestBody && (
        <>
          <h4>{o.requestBody}</h4>
          {op.requestBody.description && <p>{op.requestBody.description}</p>}
          {Object.entries(op.requestBody.content).map(([type, media]) => (
            <Media key={type} type={type} media={media} />
          ))}
        </>
      )}

      <h4>{o.responses}</h4>
      {Object.entries(op.responses).map(([status, r]) => (
        <Response key={status} status={status} r={r} />
      ))}
    </section>
  );
}

function Response({ status, r }: { status: string; r: ApiResponse }) {
  return (
    <>
      <h5>
        {status}: {r.description}
      </h5>
      {r.headers && (
        <ul>
          {Object.entries(r.headers).map(([name, h]) => (
            <li key={name}>
              <code>{name}</code>: {h.description}
            </li>
          ))}
        </ul>
      )}
      {Object.entries(r.content ?? {}).map(([type, media]) => (
        <Media key={type} type={type} media={media} />
      ))}
    </>
  );
}

function Media({ type, media }: { type: string; media: MediaType }) {
  return (
    <>
      <p>
        {m.operation.schema} (<code>{type}</code>): <TypeLabel s={media.schema} />
      </p>
      <Properties s={media.schema} />
      {media.example !== undefined && (
        <>
          <p>{m.operation.example}:</p>
          <pre>
            <code>{JSON.stringify(media.example, null, 2)}</code>
          </pre>
        </>
      )}
    </>
  );
}

/** A schema's type in a few words: a link for a named schema, the values of an enum, the range of a number. */
function TypeLabel({ s }: { s: JsonSchema }) {
  const name = refName(s);
  if (name) {
    return (
      <a href={`#schema-${name}`}>
        <code>{name}</code>
      </a>
    );
  }
  if (s.items) {
    return (
      <>
        {m.schemas.arrayOf} <TypeLabel s={s.items} />
      </>
    );
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    return (
      <>
        {m.schemas.oneOf}{' '}
        {variants.map((v, i) => (
          <span key={i}>
            {i > 0 && ' | '}
            <TypeLabel s={v} />
          </span>
        ))}
      </>
    );
  }
  return <code>{describeType(s)}</code>;
}

/** "integer 0–520", "string, date-time", "string: \"a\" | \"b\"", "string | null" (pure, for TypeLabel). */
export function describeType(s: JsonSchema): string {
  if (s.const !== undefined) {
    return JSON.stringify(s.const);
  }
  const type = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : 'any';
  const parts = [type];
  if (s.format) {
    parts[0] = `${type}, ${s.format}`;
  }
  if (s.minimum !== undefined || s.maximum !== undefined) {
    parts.push(`${s.minimum ?? ''}–${s.maximum ?? ''}`);
  }
  if (s.pattern) {
    parts.push(`/${s.pattern}/`);
  }
  let text = parts.join(' ');
  if (s.enum) {
    text += `: ${s.enum.map((v) => JSON.stringify(v)).join(' | ')}`;
  }
  if (s.default !== undefined) {
    text += ` (${m.schemas.defaultValue} ${JSON.stringify(s.default)})`;
  }
  return text;
}

/** The fields of an inline object (and of inline objects inside it), as a nested list. */
function Properties({ s }: { s: JsonSchema }) {
  const target = s.items && !refName(s.items) ? s.items : s;
  const props = target.properties;
  const extra = typeof target.additionalProperties === 'object' ? target.additionalProperties : undefined;
  if (!props && !extra) {
    return null;
  }
  const required = new Set(target.required ?? []);
  return (
    <ul>
      {Object.entries(props ?? {}).map(([name, p]) => (
        <li key={name}>
          <code>{name}</code> (<TypeLabel s={p} />,{' '}
          {required.has(name) ? m.operation.required : m.operation.optional})
          {p.description && <>: {p.description}</>}
          {!refName(p) && <Properties s={p} />}
        </li>
      ))}
      {extra && (
        <li>
          {m.schemas.mapOf}: <TypeLabel s={extra} />
        </li>
      )}
    </ul>
  );
}
