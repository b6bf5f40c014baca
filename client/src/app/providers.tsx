import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';
import { createQueryClient } from '../lib/query-client';

/** Data cache and the locale that react-aria uses for its own built-in labels and formats. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={localeOf(i18n.language)}>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
