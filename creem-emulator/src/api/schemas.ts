import { z } from "zod";

export const metadataSchema = z.record(z.string(), z.unknown());

export const customFieldSchema = z.object({
  type: z.enum(["text", "checkbox"]),
  key: z.string().min(1),
  label: z.string().min(1),
  optional: z.boolean().optional(),
  text: z
    .object({ max_length: z.number().int().optional(), min_length: z.number().int().optional() })
    .optional(),
  checkbox: z.object({ label: z.string().optional() }).optional(),
});

export type CustomFieldInput = z.output<typeof customFieldSchema>;

/** Request shape -> stored shape (the SDK reads `minimum_length` back). */
export function toCustomFieldRecord(field: CustomFieldInput) {
  return {
    type: field.type,
    key: field.key,
    label: field.label,
    ...(field.optional === undefined ? {} : { optional: field.optional }),
    ...(field.type === "text"
      ? {
          text: {
            ...(field.text?.max_length === undefined ? {} : { max_length: field.text.max_length }),
            ...(field.text?.min_length === undefined ? {} : { minimum_length: field.text.min_length }),
          },
        }
      : { checkbox: { ...(field.checkbox?.label === undefined ? {} : { label: field.checkbox.label }) } }),
  };
}
