// A UTC timestamp as the console shows it everywhere (operators compare times with logs, which are UTC).
export function Time({ at }: { at: Date | null | undefined }) {
  if (!at) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={at.toISOString()} className="whitespace-nowrap tabular-nums">
      {at.toISOString().replace("T", " ").slice(0, 19)}
    </time>
  );
}
