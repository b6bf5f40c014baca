/** French strings of images and files in a fiche (merged into the main translation under `files`). */
export const frFiles = {
  tray: {
    label: 'Envois de fichiers',
    progress: 'Envoi de « {{name}} »',
    processing: 'Enregistrement…',
    cancel: 'Annuler l’envoi',
    cancelNamed: 'Annuler l’envoi de « {{name}} »',
    dismiss: 'Fermer',
    dismissNamed: 'Fermer le message sur « {{name}} »',
    insertedImage: 'L’image « {{name}} » est dans le texte.',
    insertedFile: 'Le fichier « {{name}} » est dans le texte.',
  },
  refused: {
    type: 'Type de fichier refusé : seules les images (JPEG, PNG, WebP, GIF) et les documents PDF, Word, Excel, PowerPoint ou OpenDocument sont acceptés.',
    tooLarge: 'Fichier trop volumineux : {{size}}, la limite est de {{max}} par fichier.',
    ficheFull:
      'Plus assez de place dans cette fiche : il reste {{free}} sur {{max}}. Retirez des fichiers de la fiche ou choisissez un fichier plus léger.',
  },
  picker: {
    image: 'Choisir une image',
    document: 'Choisir un fichier',
  },
  image: {
    missing: 'Image introuvable',
    addAlt: 'Ajouter une description',
    editAlt: 'Modifier la description',
    decorative: 'Image décorative',
  },
  altDialog: {
    title: 'Description de l’image',
    label: 'Décrivez l’image pour les personnes qui ne la voient pas',
    help: 'Ce qu’elle montre et pourquoi elle est là, en une ou deux phrases.',
    decorative: 'Image décorative (pas de description)',
    decorativeHelp: 'Les lecteurs d’écran passeront l’image sans la lire.',
    required: 'Décrivez l’image, ou cochez « Image décorative ».',
    save: 'Enregistrer',
    later: 'Plus tard',
  },
  file: {
    download: 'Télécharger',
    downloadNamed: 'Télécharger « {{name}} » ({{size}})',
    label: '{{type}}, {{size}}',
    types: {
      pdf: 'Document PDF',
      word: 'Document Word',
      excel: 'Classeur Excel',
      powerpoint: 'Présentation PowerPoint',
      odt: 'Texte OpenDocument',
      ods: 'Classeur OpenDocument',
      odp: 'Présentation OpenDocument',
      other: 'Fichier',
    },
  },
};
