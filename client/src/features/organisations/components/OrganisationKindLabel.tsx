import type { OrganisationKind } from '@affluents/contracts';
import { useTranslation } from 'react-i18next';

/** The short kind (CISP, EFT...) with its expansion available to pointer and screen-reader users. */
export function OrganisationKindLabel({ kind }: { kind: OrganisationKind }) {
  const { t } = useTranslation();
  const short = t(`organisationKinds.${kind}.short`);
  const long = t(`organisationKinds.${kind}.long`);
  if (short === long) return <span>{short}</span>;
  return (
    <abbr title={long} className="abbr">
      {short}
    </abbr>
  );
}
