/**
 * A timestamp column as the API carries it: ISO 8601 in UTC. The driver gives a `Date`; a timestamp
 * inside `json_build_object` arrives as a string. Null stays null.
 */
export function toIso(value: Date | string): string;
export function toIso(value: Date | string | null): string | null;
export function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
