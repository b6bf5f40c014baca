import type { TFunction } from 'i18next';

// Messages come from the locale files rather than from the browser, whose language may differ from the UI's.

export function required(t: TFunction) {
  return (value: string) => (value.trim() ? null : t('validation.required'));
}

export function email(t: TFunction) {
  return (value: string) => {
    const v = value.trim();
    if (!v) return t('validation.required');
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : t('validation.email');
  };
}

export function newPassword(t: TFunction) {
  return (value: string) => {
    if (!value) return t('validation.required');
    if (value.length < 10) return t('validation.passwordMin', { count: 10 });
    if (value.length > 200) return t('validation.passwordMax', { count: 200 });
    return null;
  };
}

export function maxLength(t: TFunction, max: number, isRequired = true) {
  return (value: string) => {
    if (isRequired && !value.trim()) return t('validation.required');
    return value.trim().length > max ? t('validation.maxLength', { count: max }) : null;
  };
}
