/**
 * The one slug of Affluents, for URLs and file names: "Wallonie picarde" -> "wallonie-picarde",
 * "Liège" -> "liege", "Cœur de métier" -> "coeur-de-metier", "Łukasz" -> "lukasz". Empty when nothing is left (fall back to an id).
 */
export function slugify(text: string, maxLength = 80): string {
  return (
    text
      .replace(/œ/g, 'oe')
      .replace(/Œ/g, 'Oe')
      .replace(/æ/g, 'ae')
      .replace(/Æ/g, 'Ae')
      // Letters that carry no combining accent, so NFD leaves them whole (Łukasz, Øystein, Đorđe, Straße, Yılmaz).
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[đĐ]/g, 'd')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength)
      .replace(/-+$/, '')
  );
}
