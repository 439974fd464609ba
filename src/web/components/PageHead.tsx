/** A page's heading with its main action beside it (for example "Thêm chuyên mục"). */
export function PageHead({
  title,
  actionHref,
  actionLabel,
}: {
  title: string;
  actionHref: string;
  actionLabel: string;
}) {
  return (
    <div class="page-head">
      <h1>{title}</h1>
      <a class="button" href={actionHref}>
        {actionLabel}
      </a>
    </div>
  );
}
