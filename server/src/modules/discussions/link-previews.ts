import { can, isAllowedHref, type LinkPreview, type Subject } from '@affluents/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { FichesService } from '../fiches/fiches.service';
import { ThreadAccess } from './thread-access';

const MAX_PREVIEWS = 5;
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const fichePath = new RegExp(`^/fiches/(${uuid})(?:[/?#]|$)`, 'i');
const threadPath = new RegExp(`^/discussions/(${uuid})(?:[/?#]|$)`, 'i');

/**
 * Plain previews of the links of a message, without fetching anything from outside: an Affluents page
 * gets its real title when the poster may see it, any other site its host name.
 */
@Injectable()
export class LinkPreviews {
  constructor(
    private readonly fiches: FichesService,
    private readonly threadAccess: ThreadAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Previews of up to five links, as seen by `subject`. */
  async preview(links: string[], subject: Subject): Promise<LinkPreview[]> {
    const previews: LinkPreview[] = [];
    for (const link of links.slice(0, MAX_PREVIEWS)) {
      const preview = await this.previewOne(link, subject);
      if (preview) previews.push(preview);
    }
    return previews;
  }

  private async previewOne(link: string, subject: Subject): Promise<LinkPreview | null> {
    if (!isAllowedHref(link)) return null;
    let url: URL;
    try {
      url = new URL(link, this.config.publicUrl);
    } catch {
      return null;
    }
    if (url.protocol === 'mailto:') return null;
    if (url.origin !== new URL(this.config.publicUrl).origin) {
      return { url: link, title: url.hostname, internal: false };
    }
    return {
      url: link,
      title: (await this.internalTitle(url.pathname, subject)) ?? 'Affluents',
      internal: true,
    };
  }

  private async internalTitle(path: string, subject: Subject): Promise<string | null> {
    const fiche = path.match(fichePath);
    if (fiche) return this.fiches.previewTitle(fiche[1], subject);
    const thread = path.match(threadPath);
    if (thread) {
      const resolved = await this.threadAccess.resolve(thread[1], subject);
      return resolved && can(subject, 'thread.view', resolved.target) ? resolved.thread.title : null;
    }
    return null;
  }
}
