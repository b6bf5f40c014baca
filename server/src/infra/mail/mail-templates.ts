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

/** A mention still unread a few minutes later: of the member, of their group, or in a fiche comment. */
export function mentionMail(vars: {
  displayName: string;
  actorName: string;
  kind: 'mention' | 'group_mention' | 'comment_mention' | 'fiche_mention';
  title: string;
  excerpt: string;
  url: string;
}): RenderedMail {
  const where =
    vars.kind === 'comment_mention'
      ? `dans un commentaire sur la fiche « ${vars.title} »`
      : vars.kind === 'fiche_mention'
        ? `dans le texte de la fiche « ${vars.title} »`
        : `dans la discussion « ${vars.title} »`;
  const who = vars.kind === 'group_mention' ? 'a mentionné votre groupe' : 'vous a mentionné·e';
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `${vars.actorName} ${who} ${where} :`,
    `« ${vars.excerpt} »`,
    'Vous recevez ce courriel parce que la mention n’a pas encore été lue. Vous pouvez désactiver ces courriels dans vos préférences de notification.',
  ];
  return {
    subject: `${vars.actorName} ${who} dans « ${vars.title} »`,
    text: `${paragraphs.join('\n\n')}\n\nVoir la conversation : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Voir la conversation' }),
  };
}

/** Kinds mailed with the wording of a mention (`mentionMail`). */
const MENTION_KINDS = new Set(['mention', 'group_mention', 'comment_mention', 'fiche_mention']);

/** What a notification's mail says, by kind: its subject (with the title) and the link's label. */
const NOTICE_WORDING: Record<string, { subject: (title: string) => string; label: string }> = {
  reply: { subject: (t) => `Réponse à votre message dans « ${t} »`, label: 'Voir la conversation' },
  followed_thread: { subject: (t) => `Nouveau message dans « ${t} »`, label: 'Voir la conversation' },
  poll_opened: { subject: (t) => `Nouveau sondage dans « ${t} »`, label: 'Voter' },
  poll_closed: { subject: (t) => `Sondage clos dans « ${t} »`, label: 'Voir le résultat' },
  poll_closing: { subject: (t) => `Un sondage se clôt bientôt dans « ${t} »`, label: 'Voter' },
  meeting_date_poll: {
    subject: (t) => `Quelle date pour la rencontre « ${t} » ?`,
    label: 'Donner mes disponibilités',
  },
  meeting_planned: { subject: (t) => `Rencontre planifiée : « ${t} »`, label: 'Voir la rencontre' },
  meeting_moved: { subject: (t) => `La rencontre « ${t} » a changé`, label: 'Voir la rencontre' },
  meeting_cancelled: { subject: (t) => `La rencontre « ${t} » est annulée`, label: 'Voir la rencontre' },
  meeting_guest_invited: {
    subject: (t) => `Vous êtes invité·e à la rencontre « ${t} »`,
    label: 'Voir la rencontre',
  },
  minutes_review: {
    subject: (t) => `Procès-verbal de « ${t} » en relecture`,
    label: 'Relire le procès-verbal',
  },
  minutes_published: { subject: (t) => `Procès-verbal de « ${t} » publié`, label: 'Lire le procès-verbal' },
  fiche_review: { subject: (t) => `La fiche « ${t} » est soumise à relecture`, label: 'Relire la fiche' },
  fiche_published: { subject: (t) => `La fiche « ${t} » est publiée`, label: 'Lire la fiche' },
  fiche_comment: {
    subject: (t) => `Nouveau commentaire sur la fiche « ${t} »`,
    label: 'Voir le commentaire',
  },
  action_assigned: { subject: (t) => `Une action vous est confiée : « ${t} »`, label: 'Voir l’action' },
  action_due: { subject: (t) => `Votre action « ${t} » arrive à échéance`, label: 'Voir l’action' },
};

/**
 * A notification still unread when its delay has passed, for a member who wants that kind by email:
 * mentions keep their own wording (`mentionMail`), every other kind says what it is about.
 */
export function notificationMail(vars: {
  displayName: string;
  actorName: string;
  kind: string;
  title: string;
  excerpt: string;
  url: string;
}): RenderedMail {
  if (MENTION_KINDS.has(vars.kind)) {
    return mentionMail({ ...vars, kind: vars.kind as Parameters<typeof mentionMail>[0]['kind'] });
  }
  const wording = NOTICE_WORDING[vars.kind] ?? {
    subject: (t: string) => `Du nouveau : « ${t} »`,
    label: 'Ouvrir Affluents',
  };
  const subject = wording.subject(vars.title);
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `${subject}.`,
    ...(vars.excerpt ? [vars.excerpt] : []),
    'Vous recevez ce courriel parce que cette notification n’a pas encore été lue. Vous choisissez ce qui vous est envoyé par courriel dans vos préférences de notification.',
  ];
  return {
    subject,
    text: `${paragraphs.join('\n\n')}\n\n${wording.label} : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: wording.label }),
  };
}

/** What a notification says in the digest, by kind (`{name}`: who acted). */
const DIGEST_WHAT: Record<string, string> = {
  mention: '{name} vous a mentionné·e',
  group_mention: '{name} a mentionné tout le groupe',
  reply: '{name} vous a répondu',
  followed_thread: '{name} a écrit dans une discussion suivie',
  poll_opened: '{name} a ouvert un vote',
  poll_closed: 'Un vote est clos',
  poll_closing: 'Un vote se clôt bientôt',
  comment_mention: '{name} vous a mentionné·e dans un commentaire',
  fiche_mention: '{name} vous a mentionné·e dans une fiche',
  meeting_date_poll: '{name} demande vos disponibilités pour une rencontre',
  meeting_planned: 'Rencontre planifiée',
  meeting_moved: 'Rencontre déplacée ou modifiée',
  meeting_cancelled: 'Rencontre annulée',
  meeting_guest_invited: '{name} vous invite à une rencontre',
  minutes_review: 'Procès-verbal à relire',
  minutes_published: 'Procès-verbal publié',
  fiche_review: '{name} soumet une fiche à la relecture',
  fiche_published: '{name} a publié une fiche',
  fiche_comment: '{name} a commenté une fiche',
  action_assigned: '{name} vous confie une action',
  action_due: 'Votre action arrive à échéance',
};

/** One line of the digest: what happened and about what (« Amina Lahlou vous a répondu : « Titre » »). */
export function digestLine(kind: string, actorName: string | null, title: string): string {
  const what = (DIGEST_WHAT[kind] ?? 'Du nouveau').replace('{name}', actorName ?? 'Quelqu’un');
  return `${what} : « ${title} »`;
}

/** One group in the daily digest: its unread notifications, newest first. */
export interface DigestGroup {
  label: string;
  count: number;
  /** The newest ones, as `digestLine` writes them. */
  lines: string[];
}

/** The morning summary of what the member has not read yet, group by group. */
export function dailyDigestMail(vars: {
  displayName: string;
  groups: DigestGroup[];
  url: string;
}): RenderedMail {
  const total = vars.groups.reduce((sum, g) => sum + g.count, 0);
  const unread = (n: number) => (n > 1 ? `${n} notifications non lues` : '1 notification non lue');
  const intro = [
    `Bonjour ${vars.displayName},`,
    `Voici ce qui vous attend sur Affluents : ${unread(total)}.`,
  ];
  const outro =
    'Vous recevez ce résumé chaque matin quand quelque chose n’est pas lu. Vous pouvez le désactiver dans vos préférences de notification.';
  const more = (g: DigestGroup) =>
    g.count > g.lines.length ? [`… et ${g.count - g.lines.length} de plus`] : [];
  const textGroups = vars.groups.map(
    (g) => `${g.label} — ${unread(g.count)}\n${[...g.lines, ...more(g)].map((l) => `  ${l}`).join('\n')}`,
  );
  const htmlGroups = vars.groups
    .map(
      (
        g,
      ) => `<h3 style="margin-bottom:4px">${escapeHtml(g.label)} <span style="color:#52606d;font-size:13px;font-weight:normal">${escapeHtml(unread(g.count))}</span></h3>
<ul style="margin-top:0">${[...g.lines, ...more(g)].map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  const html = layout(intro, { url: vars.url, label: 'Ouvrir Affluents' }).replace(
    '\n<p><a ',
    `\n${htmlGroups}\n<p>${escapeHtml(outro)}</p>\n<p><a `,
  );
  return {
    subject: `Affluents : ${unread(total)}`,
    text: `${intro.join('\n\n')}\n\n${textGroups.join('\n\n')}\n\n${outro}\n\nOuvrir Affluents : ${vars.url}\n`,
    html,
  };
}

/** What the meeting mails say about the meeting (dates already written out in French, Brussels time). */
export interface MeetingMailFacts {
  displayName: string;
  title: string;
  groupLabel: string;
  /** "jeudi 15 janvier 2026 de 14:00 à 16:00". */
  slot: string;
  location: string | null;
  url: string;
}

function meetingLines(vars: MeetingMailFacts): string[] {
  return [`Quand : ${vars.slot}`, ...(vars.location ? [`Où : ${vars.location}`] : [])];
}

/** The date of a meeting is fixed: invitation with the calendar file attached. */
export function meetingInvitationMail(vars: MeetingMailFacts): RenderedMail {
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `Vous êtes invité·e à la rencontre « ${vars.title} » du groupe ${vars.groupLabel}.`,
    ...meetingLines(vars),
    'Le fichier joint l’ajoute à votre agenda. Dites-nous si vous venez (oui, non, peut-être) sur la page de la rencontre.',
  ];
  return {
    subject: `Invitation : ${vars.title} — ${vars.slot}`,
    text: `${paragraphs.join('\n\n')}\n\nRépondre et voir l’ordre du jour : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Répondre à l’invitation' }),
  };
}

/** Several meetings planned at once (a year): one invitation listing every date. */
export function meetingYearInvitationMail(vars: {
  displayName: string;
  groupLabel: string;
  meetings: MeetingMailFacts[];
  url: string;
}): RenderedMail {
  const dates = vars.meetings.map(
    (meeting) => `${meeting.title} : ${meeting.slot}${meeting.location ? `, ${meeting.location}` : ''}`,
  );
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `Les ${vars.meetings.length} prochaines rencontres du groupe ${vars.groupLabel} sont planifiées :`,
    ...dates,
    'Le fichier joint les ajoute toutes à votre agenda. Dites-nous si vous venez (oui, non, peut-être) sur la page de chaque rencontre ; vous recevrez un rappel une semaine et un jour avant chacune.',
  ];
  return {
    subject: `Invitation : les ${vars.meetings.length} prochaines rencontres du groupe ${vars.groupLabel}`,
    text: `${paragraphs.join('\n\n')}\n\nVoir les rencontres du groupe : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Voir les rencontres' }),
  };
}

/** A meeting moved (new date or place) or was cancelled. */
export function meetingChangedMail(vars: MeetingMailFacts & { cancelled: boolean }): RenderedMail {
  const paragraphs = vars.cancelled
    ? [
        `Bonjour ${vars.displayName},`,
        `La rencontre « ${vars.title} » du groupe ${vars.groupLabel}, prévue le ${vars.slot}, est annulée.`,
        'Le fichier joint la retire de votre agenda.',
      ]
    : [
        `Bonjour ${vars.displayName},`,
        `La rencontre « ${vars.title} » du groupe ${vars.groupLabel} a changé. Voici la nouvelle date :`,
        ...meetingLines(vars),
        'Le fichier joint met votre agenda à jour. Si votre réponse change, indiquez-le sur la page de la rencontre.',
      ];
  return {
    subject: vars.cancelled ? `Annulée : ${vars.title}` : `Changement : ${vars.title} — ${vars.slot}`,
    text: `${paragraphs.join('\n\n')}\n\nVoir la rencontre : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Voir la rencontre' }),
  };
}

/** Reminder a week or a day before a meeting. */
export function meetingReminderMail(vars: MeetingMailFacts & { kind: 'week' | 'day' }): RenderedMail {
  const when = vars.kind === 'week' ? 'dans une semaine' : 'demain';
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `Petit rappel : la rencontre « ${vars.title} » du groupe ${vars.groupLabel} a lieu ${when}.`,
    ...meetingLines(vars),
    'L’ordre du jour et la discussion de la rencontre vous attendent sur sa page.',
  ];
  return {
    subject: `Rappel : ${vars.title} ${when}`,
    text: `${paragraphs.join('\n\n')}\n\nVoir la rencontre : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Voir la rencontre' }),
  };
}

/** A guest invited to one meeting got a new account: a link to choose their password. */
export function guestAccountMail(vars: {
  displayName: string;
  inviterName: string;
  title: string;
  url: string;
}): RenderedMail {
  const paragraphs = [
    `Bonjour ${vars.displayName},`,
    `${vars.inviterName} vous invite à la rencontre « ${vars.title} » sur Affluents, l’espace des groupes d’échange des bassins. Un compte invité a été créé pour vous : il donne accès à cette rencontre seulement (ordre du jour, discussion, procès-verbal).`,
    'Choisissez votre mot de passe avec le lien ci-dessous. Il est valable sept jours et ne sert qu’une fois ; ensuite, « Mot de passe oublié » vous en envoie un nouveau.',
  ];
  return {
    subject: `Invitation à la rencontre « ${vars.title} »`,
    text: `${paragraphs.join('\n\n')}\n\nChoisir mon mot de passe : ${vars.url}\n`,
    html: layout(paragraphs, { url: vars.url, label: 'Choisir mon mot de passe' }),
  };
}
