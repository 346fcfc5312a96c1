"use client";

import { useState } from "react";
import { ActionForm, Field, type AccountAction } from "@/components/account/action-form";

// The console's form for a new CREEM discount code; the products chosen travel as one comma list.
export function DiscountForm({
  action,
  products,
}: {
  action: AccountAction;
  products: Array<{ id: string; label: string }>;
}) {
  const [type, setType] = useState<"percentage" | "fixed">("percentage");
  const [duration, setDuration] = useState("forever");
  const [chosen, setChosen] = useState<string[]>(products.map((p) => p.id));
  const select = "h-10 rounded-lg border border-zinc-300 bg-white px-3 text-sm";
  return (
    <ActionForm
      action={action}
      label="Create discount"
      pendingLabel="Creating…"
      renderFields={(errors) => (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="name" label="Name" error={errors.name} required />
          <Field name="code" label="Code" hint="Empty: CREEM makes one" error={errors.code} />
          <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-800">
            Type
            <select
              name="type"
              value={type}
              onChange={(e) => setType(e.target.value as "percentage" | "fixed")}
              className={select}
            >
              <option value="percentage">Percentage</option>
              <option value="fixed">Fixed amount</option>
            </select>
          </label>
          {type === "percentage" ? (
            <Field
              name="percentage"
              label="Percent off"
              type="number"
              min={1}
              max={100}
              error={errors.percentage}
            />
          ) : (
            <Field
              name="amount"
              label="Amount off (USD)"
              type="number"
              step="0.01"
              min={0}
              error={errors.amount}
            />
          )}
          <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-800">
            Duration
            <select
              name="duration"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
              className={select}
            >
              <option value="forever">Forever</option>
              <option value="once">Once</option>
              <option value="repeating">Repeating</option>
            </select>
          </label>
          {duration === "repeating" && (
            <Field
              name="durationInMonths"
              label="Months"
              type="number"
              min={1}
              max={36}
              error={errors.durationInMonths}
            />
          )}
          <Field name="expiryDate" label="Expires (UTC, optional)" type="date" error={errors.expiryDate} />
          <Field
            name="maxRedemptions"
            label="Max redemptions (optional)"
            type="number"
            min={1}
            error={errors.maxRedemptions}
          />
          <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
            <legend className="text-sm font-medium text-zinc-800">Products</legend>
            <input type="hidden" name="products" value={chosen.join(",")} />
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {products.map((p) => (
                <label key={p.id} className="flex items-center gap-2 text-sm text-zinc-700">
                  <input
                    type="checkbox"
                    checked={chosen.includes(p.id)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((id) => id !== p.id)))
                    }
                  />
                  {p.label}
                </label>
              ))}
            </div>
            {errors.products && (
              <p role="alert" className="text-sm text-red-700">
                {errors.products}
              </p>
            )}
          </fieldset>
        </div>
      )}
    />
  );
}
