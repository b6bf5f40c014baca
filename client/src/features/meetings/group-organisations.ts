import type { GroupDetail } from '@affluents/contracts';

/** The organisations of a group's members, once each, by name: the possible hosts. */
export function groupOrganisations(group: Pick<GroupDetail, 'members'> | undefined) {
  const byId = new Map<string, { id: string; label: string }>();
  for (const member of group?.members ?? []) {
    if (member.organisation)
      byId.set(member.organisation.id, { id: member.organisation.id, label: member.organisation.name });
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
