import { cn } from "@/lib/cn";

export function FeatureList({ features, className }: { features: readonly string[]; className?: string }) {
  return (
    <ul className={cn("flex flex-col gap-3 text-sm text-zinc-700", className)}>
      {features.map((feature) => (
        <li key={feature} className="flex gap-3">
          <svg
            viewBox="0 0 20 20"
            fill="currentColor"
            aria-hidden="true"
            className="text-brand-600 size-5 flex-none"
          >
            <path
              fillRule="evenodd"
              d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z"
              clipRule="evenodd"
            />
          </svg>
          {feature}
        </li>
      ))}
    </ul>
  );
}
