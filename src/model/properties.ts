import { param } from '../neo4j/values';

/** How a stored property is checked and converted before it reaches Neo4j. */
export type PropertyKind =
  | { kind: 'string'; maxLength?: number }
  | { kind: 'email' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'float'; min?: number; max?: number; minExclusive?: boolean }
  | { kind: 'boolean' }
  | { kind: 'datetime' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enumList'; values: readonly string[] }
  | { kind: 'stringList' };

export const string = (maxLength = 500): PropertyKind => ({ kind: 'string', maxLength });
export const email: PropertyKind = { kind: 'email' };
export const int = (min?: number, max?: number): PropertyKind => ({ kind: 'int', min, max });
export const float = (min?: number, max?: number): PropertyKind => ({ kind: 'float', min, max });
/** 0 < s ≤ 1: KNOWS strength, INFLUENCES weight. */
export const strength: PropertyKind = { kind: 'float', min: 0, max: 1, minExclusive: true };
/** 0 ≤ p ≤ 1. */
export const probability: PropertyKind = { kind: 'float', min: 0, max: 1 };
export const boolean: PropertyKind = { kind: 'boolean' };
export const datetime: PropertyKind = { kind: 'datetime' };
export const date: PropertyKind = { kind: 'date' };
export const oneOf = (values: readonly string[]): PropertyKind => ({ kind: 'enum', values });
export const listOf = (values: readonly string[]): PropertyKind => ({ kind: 'enumList', values });
export const stringList: PropertyKind = { kind: 'stringList' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one value; returns the value to store, or a message a person can act on (never repeating the value). */
export function convertProperty(spec: PropertyKind, value: unknown): { value: unknown } | { error: string } {
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') return { error: 'must be a string' };
      if (spec.maxLength && value.length > spec.maxLength) return { error: `must be at most ${spec.maxLength} characters` };
      return { value };
    case 'email':
      return typeof value === 'string' && EMAIL.test(value)
        ? { value: value.toLowerCase() }
        : { error: 'must be an e-mail address like name@example.com' };
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) return { error: 'must be a whole number' };
      return inRange(value, spec.min, spec.max, false) ?? { value: param.integer(value) };
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'must be a number' };
      return inRange(value, spec.min, spec.max, spec.minExclusive ?? false) ?? { value };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'datetime':
      return typeof value === 'string' && ISO_DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? { value: param.dateTime(value) }
        : { error: 'must be an ISO-8601 date-time like 2026-03-01T09:30:00Z' };
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? { value: param.date(value) }
        : { error: 'must be a date like 2026-03-01' };
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? { value }
        : { error: `must be one of ${spec.values.join(', ')}` };
    case 'enumList': {
      if (!Array.isArray(value)) return { error: `must be a list of ${spec.values.join(', ')}` };
      const bad = value.filter((item) => typeof item !== 'string' || !spec.values.includes(item)).length;
      if (bad) return { error: `has ${bad} value${bad === 1 ? '' : 's'} outside ${spec.values.join(', ')}` };
      return { value: [...new Set(value as string[])] };
    }
    case 'stringList':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? { value }
        : { error: 'must be a list of strings' };
  }
}

function inRange(value: number, min: number | undefined, max: number | undefined, minExclusive: boolean) {
  if (min !== undefined && (minExclusive ? value <= min : value < min)) {
    return { error: `must be ${minExclusive ? 'greater than' : 'at least'} ${min}${max !== undefined ? ` and at most ${max}` : ''}` };
  }
  if (max !== undefined && value > max) return { error: `must be at most ${max}` };
  return undefined;
}
