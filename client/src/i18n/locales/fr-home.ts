/** French strings of the home page (merged into the main translation under `home`). */
export const frHome = {
  title: 'Accueil',
  hello: 'Bonjour {{name}}',
  lede: 'Ce qui vous attend cette semaine : vos groupes, vos rencontres, les votes et les actions en attente.',
  guestLede:
    'Vous êtes invité·e à des rencontres d’un groupe d’échange : retrouvez-les ici, avec leur procès-verbal une fois publié.',
  polls: {
    title: 'Votre vote est attendu',
    datePoll: 'Date de la rencontre « {{title}} »',
    inThread: 'Discussion « {{title}} »',
    closes: 'Répondre avant le {{date}}',
    voteHere: 'Voter ici',
    voteHereFor: 'Voter ici : {{question}}',
    hideVote: 'Replier',
    openMeeting: 'Ouvrir la rencontre',
    openThread: 'Ouvrir la discussion',
    voted: 'Vote enregistré, merci.',
  },
  meetings: {
    title: 'Mes prochaines rencontres',
    emptyTitle: 'Aucune rencontre prévue',
    emptyText: 'Les rencontres de vos groupes apparaîtront ici dès qu’elles sont planifiées.',
    guestEmptyText:
      'Aucune rencontre à venir pour l’instant. L’animateur ou l’animatrice vous préviendra de la prochaine invitation.',
    answerFor: 'Votre réponse pour « {{title}} »',
    datePollOpen: 'Sondage de dates ouvert : répondez-y ci-dessus.',
    seeAll: 'Voir mes rencontres',
    more_one: 'et {{count}} autre rencontre à venir',
    more_other: 'et {{count}} autres rencontres à venir',
  },
  past: {
    title: 'Rencontres passées',
    minutes: 'Lire le procès-verbal',
    noMinutes: 'Procès-verbal pas encore publié',
  },
  groups: {
    title: 'Mes groupes',
    unread_one: '{{count}} message non lu',
    unread_other: '{{count}} messages non lus',
    allRead: 'Tout est lu',
    allBassins: 'Voir tous les bassins',
  },
  actions: {
    title: 'Mes actions à faire',
    due: 'Pour le {{date}}',
    overdue: 'En retard : pour le {{date}}',
    noDue: 'Sans échéance',
    emptyTitle: 'Aucune action à faire',
    emptyText: 'Les actions qui vous sont confiées en rencontre apparaîtront ici, avec leur échéance.',
    seeAll: 'Voir toutes mes actions',
  },
  publications: {
    title: 'Dernières publications du réseau',
    emptyTitle: 'Aucune fiche publiée pour l’instant',
    emptyText:
      'Les fiches publiées par les groupes du réseau apparaîtront ici. Vous pouvez en écrire une depuis votre groupe.',
    seeAll: 'Ouvrir la boîte à outils',
  },
};
