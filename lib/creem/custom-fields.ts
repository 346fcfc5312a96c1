import { compact } from "./request-utils";

export interface CustomFieldInput {
  type: "text" | "checkbox";
  /** Unique key, alphanumeric. */
  key: string;
  label: string;
  optional?: boolean;
  text?: { maxLength?: number; minLength?: number };
  checkbox?: { label?: string };
}

export function toCustomFieldBody(field: CustomFieldInput): Record<string, unknown> {
  return compact({
    type: field.type,
    key: field.key,
    label: field.label,
    optional: field.optional,
    text: field.text && compact({ max_length: field.text.maxLength, min_length: field.text.minLength }),
    checkbox: field.checkbox && compact({ label: field.checkbox.label }),
  });
}
