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

/** One followed thread in the daily digest: how many new messages and the first of them. */
export interface DigestThread {
  title: string;
  url: string;
  count: number;
  /** The first new messages, as « Auteur : début du texte ». */
  lines: string[];
}

/** The morning summary of what happened in the member's followed threads. */
export function dailyDigestMail(vars: {
  displayName: string;
  threads: DigestThread[];
  url: string;
}): RenderedMail {
  const total = vars.threads.reduce((sum, t) => sum + t.count, 0);
  const messages = (n: number) => (n > 1 ? `${n} nouveaux messages` : '1 nouveau message');
  const intro = [
    `Bonjour ${vars.displayName},`,
    `Voici ce qui s’est dit dans les discussions que vous suivez : ${messages(total)} dans ${
      vars.threads.length > 1 ? `${vars.threads.length} discussions` : 'une discussion'
    }.`,
  ];
  const outro =
    'Vous recevez ce résumé chaque matin quand il y a du nouveau. Vous pouvez le désactiver dans vos préférences de notification.';
  const textThreads = vars.threads.map(
    (t) => `« ${t.title} » — ${messages(t.count)}\n${t.lines.map((l) => `  ${l}`).join('\n')}\n  ${t.url}`,
  );
  const htmlThreads = vars.threads
    .map(
      (t) => `<h3 style="margin-bottom:4px"><a href="${escapeHtml(t.url)}" style="color:#1d4f91">${escapeHtml(
        t.title,
      )}</a> <span style="color:#52606d;font-size:13px;font-weight:normal">${escapeHtml(messages(t.count))}</span></h3>
<ul style="margin-top:0">${t.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  const html = layout(intro, { url: vars.url, label: 'Ouvrir Affluents' }).replace(
    '\n<p><a ',
    `\n${htmlThreads}\n<p>${escapeHtml(outro)}</p>\n<p><a `,
  );
  return {
    subject: `Affluents : ${messages(total)} dans vos discussions suivies`,
    text: `${intro.join('\n\n')}\n\n${textThreads.join('\n\n')}\n\n${outro}\n\nOuvrir Affluents : ${vars.url}\n`,
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
