/** French mail templates. Each returns subject, plain text and a minimal, escaped HTML version. */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function layout(paragraphs: string[], link: { url: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1f2933">
${body}
<p><a href="${escapeHtml(link.url)}" style="background:#1d4f91;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>
<p style="color:#52606d;font-size:13px">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : ${escapeHtml(link.url)}</p>
<p style="color:#52606d;font-size:13px">Affluents, l’espace des groupes d’échange des bassins.</p>
</body></html>`;
}

/** Invitation into a group. */
export function invitationMail(vars: {
  inviterName: string;
  groupLabel: string;
  bassinName: string;
  url: string;
  expiresOn: string;
  message?: string;
}): RenderedMail {
  const paragraphs = [
    'Bonjour,',
    `${vars.inviterName} vous invite à rejoindre le groupe « ${vars.groupLabel} » du bassin ${vars.bassinName} sur Affluents, l’espace où les groupes d’échange partagent leurs pratiques, leurs fiches actions et leurs rencontres.`,
    ...(vars.message ? [`Son message : « ${vars.message} »`] : []),
    `Cette invitation est valable jusqu’au ${vars.expiresOn}.`,
  ];
  return {
    subject: `Invitation au groupe ${vars.groupLabel} (${vars.bassinName})`,
    text: `${paragraphs.join('\n\n')}\n\nAccepter l’invitation : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Accepter l’invitation' }),
  };
}

/** Password reset link. */
export function passwordResetMail(vars: { displayName: string; url: string }): RenderedMail {
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    'Vous avez demandé à réinitialiser votre mot de passe Affluents. Ce lien est valable une heure et ne peut servir qu’une fois.',
    'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
  ];
  return {
    subject: 'Réinitialisation de votre mot de passe Affluents',
    text: `${paragraphs.join('\n\n')}\n\nChoisir un nouveau mot de passe : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Choisir un nouveau mot de passe' }),
  };
}

/** French labels of the group kinds, for mails and logs. */
export const groupKindLabels = {
  social_workers: 'Travailleurs sociaux',
  managers: 'Responsables d’entreprises',
  encadrants: 'Personnel encadrant',
} as const;
