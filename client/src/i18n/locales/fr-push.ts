/** French strings of Web Push on this device (merged into the main translation under `push`). */
export const frPush = {
  title: 'Notifications sur cet appareil',
  help: 'Les notifications que vous choisissez de recevoir sur vos appareils s’affichent sur ce téléphone ou cet ordinateur, même quand Affluents est fermé.',
  on: 'Activées sur cet appareil.',
  off: 'Désactivées sur cet appareil.',
  enable: 'Activer sur cet appareil',
  disable: 'Désactiver sur cet appareil',
  enabled: 'Les notifications s’afficheront sur cet appareil.',
  disabled: 'Cet appareil ne recevra plus de notifications.',
  unsupported:
    'Ce navigateur ne peut pas recevoir de notifications d’Affluents. Sur iPhone ou iPad, ajoutez d’abord Affluents à l’écran d’accueil (Partager, puis « Sur l’écran d’accueil ») et ouvrez-le depuis là.',
  denied:
    'Les notifications sont bloquées pour Affluents dans ce navigateur. Autorisez-les dans les réglages du site (icône à gauche de l’adresse), puis réessayez.',
  dismissed: 'Vous n’avez pas autorisé les notifications. Réessayez et choisissez « Autoriser ».',
  failed: 'L’abonnement de cet appareil a échoué. Réessayez dans un instant.',
  deviceLabel: '{{browser}} sur {{system}}',
};
