"use client";

import { useState } from "react";
import { cn } from "@/lib/cn";
import { initials } from "@/lib/account/validation";

const sizes = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-16 text-lg" } as const;

/** The user's picture, or their initials when there is none (or it does not load). */
export function Avatar({
  name,
  email,
  image,
  size = "md",
  className,
}: {
  name?: string | null;
  email?: string | null;
  image?: string | null;
  size?: keyof typeof sizes;
  className?: string;
}) {
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = !!image && failed !== image;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "bg-brand-100 text-brand-800 inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full font-semibold select-none",
        sizes[size],
        className,
      )}
    >
      {showImage ? (
        // A user-supplied https address on any host: next/image would need every host allow-listed.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={image}
          alt=""
          referrerPolicy="no-referrer"
          className="size-full object-cover"
          onError={() => setFailed(image)}
        />
      ) : (
        initials(name, email)
      )}
    </span>
  );
}
