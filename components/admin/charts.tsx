// Hand-drawn SVG charts for the console: server components, no client code, no chart library. Each
// chart is labelled for screen readers, and the page prints the same numbers under it.

export function HorizontalBars({
  label,
  rows,
  format,
}: {
  label: string;
  rows: Array<{ name: string; value: number }>;
  format: (value: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 32;
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 600 ${height}`}
      className="w-full"
      preserveAspectRatio="none"
    >
      {rows.map((row, i) => {
        const width = (row.value / max) * 400;
        const y = i * rowHeight;
        return (
          <g key={row.name}>
            <text x="0" y={y + 20} fontSize="13" fill="#3f3f46">
              {row.name}
            </text>
            <rect x="110" y={y + 6} width={Math.max(width, 1)} height="18" rx="4" fill="#4f46e5" />
            <text x={116 + width} y={y + 20} fontSize="12" fill="#52525b">
              {format(row.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const SERIES = [
  { key: "new", label: "New", color: "#059669", sign: 1 },
  { key: "expansion", label: "Expansion", color: "#4f46e5", sign: 1 },
  { key: "contraction", label: "Contraction", color: "#d97706", sign: -1 },
  { key: "churn", label: "Churn", color: "#dc2626", sign: -1 },
] as const;

type MonthRow = { month: string; new: number; expansion: number; contraction: number; churn: number };

/** Per month: new and expansion above the axis, contraction and churn below it. */
export function MovementChart({ label, months }: { label: string; months: MonthRow[] }) {
  const max = Math.max(1, ...months.flatMap((m) => SERIES.map((s) => m[s.key])));
  const width = 600;
  const height = 220;
  const axis = height / 2;
  const group = width / Math.max(1, months.length);
  const bar = Math.min(18, (group - 12) / SERIES.length);
  return (
    <figure className="flex flex-col gap-2">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height + 20}`} className="w-full">
        <line x1="0" x2={width} y1={axis} y2={axis} stroke="#d4d4d8" />
        {months.map((m, i) =>
          SERIES.map((s, j) => {
            const h = (m[s.key] / max) * (axis - 8);
            const x = i * group + 6 + j * bar;
            return (
              <rect
                key={`${m.month}-${s.key}`}
                x={x}
                y={s.sign > 0 ? axis - h : axis}
                width={bar - 2}
                height={Math.max(h, m[s.key] > 0 ? 1 : 0)}
                fill={s.color}
              />
            );
          }),
        )}
        {months.map((m, i) => (
          <text key={m.month} x={i * group + 6} y={height + 14} fontSize="12" fill="#52525b">
            {m.month}
          </text>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-zinc-600">
        {SERIES.map((s) => (
          <span key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ backgroundColor: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
