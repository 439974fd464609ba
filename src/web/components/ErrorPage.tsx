import { common } from '../messages.js';
import { BareLayout } from './BareLayout.js';

export type ErrorPageProps = {
  status: number;
  title: string;
  message: string;
  reference?: string;
  homeHref?: string;
};

/** A page that explains what went wrong, in Vietnamese; unknown errors show only a reference id. */
export function ErrorPage({ status, title, message, reference, homeHref = '/' }: ErrorPageProps) {
  return (
    <BareLayout title={`${title} (${status})`}>
      <h1>{title}</h1>
      <p>{message}</p>
      {reference && (
        <p>
          <code>{reference}</code>
        </p>
      )}
      <p>
        <a href={homeHref}>{common.errors.backHome}</a>
      </p>
    </BareLayout>
  );
}
