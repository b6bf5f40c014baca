/**
 * French strings of the text editor's formatting tools: toolbar, "/" menu and formatting help (merged into
 * the main translation under `editor`). Each command has its name, a one-line description for the "/"
 * menu, and the words the "/" menu also finds it by (accents and case do not matter).
 */
export const frEditor = {
  toolbar: 'Mise en forme',
  style: 'Style',
  styleOf: 'Style : {{style}}',
  sectionHeading: 'Titre de rubrique',
  sectionHeadingHelp: 'Les titres des rubriques du modèle ne changent pas de style.',
  more: 'Plus',
  moreLabel: 'Plus d’outils de mise en forme',
  withShortcut: '{{label}} ({{shortcut}})',
  keys: { ctrl: 'Ctrl', cmd: 'Cmd', alt: 'Alt', option: 'Option', shift: 'Maj' },
  commands: {
    paragraph: {
      label: 'Texte',
      description: 'Un paragraphe ordinaire',
      keywords: 'texte paragraphe normal',
    },
    heading2: {
      label: 'Titre de section',
      description: 'Un grand titre pour une nouvelle partie',
      keywords: 'titre section grand h2',
    },
    heading3: {
      label: 'Sous-titre',
      description: 'Un titre moyen dans une partie',
      keywords: 'sous-titre titre moyen h3',
    },
    heading4: {
      label: 'Petit titre',
      description: 'Un petit titre',
      keywords: 'petit titre h4',
    },
    bold: { label: 'Gras', description: 'Mettre des mots en gras', keywords: 'gras' },
    italic: { label: 'Italique', description: 'Mettre des mots en italique', keywords: 'italique' },
    bulletList: {
      label: 'Liste à puces',
      description: 'Une liste simple',
      keywords: 'liste puces points tirets',
    },
    orderedList: {
      label: 'Liste numérotée',
      description: 'Une liste 1, 2, 3…',
      keywords: 'liste numerotee numeros chiffres etapes',
    },
    taskList: {
      label: 'Liste de cases à cocher',
      description: 'Des tâches à cocher une fois faites',
      keywords: 'liste cases cocher taches a faire',
    },
    link: { label: 'Lien', description: 'Un lien vers une page web', keywords: 'lien adresse web url' },
    table: {
      label: 'Tableau',
      description: 'Un tableau de 3 lignes et 3 colonnes',
      keywords: 'tableau grille colonnes lignes',
    },
    blockquote: {
      label: 'Citation',
      description: 'Les mots de quelqu’un, mis en retrait',
      keywords: 'citation temoignage retrait',
    },
    horizontalRule: {
      label: 'Séparateur',
      description: 'Un trait entre deux parties',
      keywords: 'separateur trait ligne',
    },
    image: {
      label: 'Image',
      description: 'Une photo ou une illustration',
      keywords: 'image photo illustration',
    },
    file: {
      label: 'Fichier',
      description: 'Un document joint (PDF, tableur…)',
      keywords: 'fichier document piece jointe pdf',
    },
    mention: {
      label: 'Mentionner quelqu’un',
      description: 'Prévenir un membre du groupe',
      keywords: 'mentionner mention personne membre arobase @',
    },
  },
  table: {
    toolbar: 'Outils du tableau',
    addRowAfter: 'Nouvelle ligne',
    addColumnAfter: 'Nouvelle colonne',
    deleteRow: 'Retirer la ligne',
    deleteColumn: 'Retirer la colonne',
    deleteTable: 'Supprimer le tableau',
  },
  slash: {
    hint: 'Tapez pour filtrer',
    keysHint: 'Entrée pour choisir, Échap pour fermer',
    label: 'Insérer un élément',
  },
  help: {
    open: 'Aide à la mise en forme',
    title: 'Aide à la mise en forme',
    slashTitle: 'Le menu « / »',
    slashText:
      'Au début d’une ligne, ou après une espace, tapez « / » : un menu propose titres, listes, tableau, citation, séparateur et mention. Tapez quelques lettres pour filtrer (« /tab » pour Tableau), choisissez avec les flèches et Entrée ; Échap ferme le menu.',
    mentionText: 'Tapez « @ » suivi d’un prénom pour mentionner un membre du groupe : il est prévenu.',
    shortcutsTitle: 'Raccourcis clavier',
    typingTitle: 'En tapant',
    action: 'Action',
    keys: 'Touches',
    typed: 'Tapez',
    typedHeading: '« ## » puis une espace',
    typedBullet: '« - » puis une espace',
    typedOrdered: '« 1. » puis une espace',
    typedTask: '« [ ] » puis une espace',
    typedQuote: '« > » puis une espace',
    typedRule: '« --- »',
  },
};
