import type { RotaInstance, RuleSettings } from './types';

export const DEFAULT_RULES: RuleSettings = {
  minRestHours: 12,
  maxPerWeek: 3,
  maxPerMonth: 8,
  earlyStartsBefore: '12:00',
  lateEndsAfter: '17:00',
  samePostPerMonth: 3,
  maxFirmShareAtPost: 0.5,
  swapRequiresSameFirm: false,
  weights: {},
};

export function resolveRules(instance: Pick<RotaInstance, 'rules'>): RuleSettings {
  const given = instance.rules ?? {};
  return { ...DEFAULT_RULES, ...given, weights: { ...DEFAULT_RULES.weights, ...(given.weights ?? {}) } };
}
