import type { Subject } from '@affluents/contracts';
import { Injectable } from '@nestjs/common';

/** What a user may do with a document: edit it, or only read it and see the others' carets. */
export type DocAccess = 'write' | 'read';

/** Decides access to the documents whose name starts with `prefix` (e.g. `fiche:`). */
export interface DocAccessResolver {
  prefix: string;
  /** The access of `subject` to `docName`, or null for none. */
  resolve(docName: string, subject: Subject): Promise<DocAccess | null>;
}

/**
 * Access to documents by name prefix: feature modules register a resolver for their prefix, so the
 * collab gateway holds no domain rule. A name with no registered prefix is refused.
 */
@Injectable()
export class DocAccessRegistry {
  private readonly resolvers = new Map<string, DocAccessResolver>();

  /** Registers the resolver of a prefix; a prefix has exactly one resolver. */
  register(resolver: DocAccessResolver): void {
    if (!/^[a-z][a-z0-9-]*:$/.test(resolver.prefix)) throw new Error(`invalid prefix ${resolver.prefix}`);
    if (this.resolvers.has(resolver.prefix)) throw new Error(`prefix ${resolver.prefix} already registered`);
    this.resolvers.set(resolver.prefix, resolver);
  }

  /** The access of `subject` to `docName`: null when no resolver owns its prefix or the resolver refuses. */
  async resolve(docName: string, subject: Subject): Promise<DocAccess | null> {
    const colon = docName.indexOf(':');
    if (colon <= 0) return null;
    const resolver = this.resolvers.get(docName.slice(0, colon + 1));
    if (!resolver) return null;
    const access = await resolver.resolve(docName, subject);
    return access === 'write' || access === 'read' ? access : null;
  }
}
