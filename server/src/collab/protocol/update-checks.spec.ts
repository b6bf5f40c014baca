import { MAX_DOCUMENT_DEPTH } from '@affluents/editor/template';
import * as Y from 'yjs';
import { missingDependency, updateChangesDoc, updateDepth } from './update-checks';

/** A document with `text` in its body, written by client `client`. */
function docWith(text: string, client: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getText('body').insert(0, text);
  return doc;
}

/** `levels` blockquotes nested in one another, the innermost holding a paragraph with `text`. */
function nestedQuotes(levels: number, text = 'profond'): Y.XmlElement {
  const innermost = new Y.XmlElement('paragraph');
  innermost.insert(0, [new Y.XmlText(text)]);
  let node = innermost;
  for (let i = 0; i < levels; i++) {
    const quote = new Y.XmlElement('blockquote');
    quote.insert(0, [node]);
    node = quote;
  }
  return node;
}

describe('missingDependency', () => {
  it('accepts an update that continues what the document has', () => {
    const server = docWith('bonjour', 1);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    client.getText('body').insert(7, ' à tous');
    const update = Y.encodeStateAsUpdate(client, before);
    expect(missingDependency(server, Y.decodeUpdate(update))).toBeNull();
  });

  it('refuses the part after a state vector whose beginning the server never received (the gapped attack)', () => {
    const server = new Y.Doc();
    const attacker = docWith('x', 7);
    const seen = Y.encodeStateVector(attacker);
    attacker.getText('body').insert(1, 'y'.repeat(1000));
    const gapped = Y.encodeStateAsUpdate(attacker, seen);
    expect(missingDependency(server, Y.decodeUpdate(gapped))).toMatch(
      /client 7 resumes at clock 1, the document has 0/,
    );
    // Yjs would have kept it pending, outside every limit.
    Y.applyUpdate(server, gapped);
    expect(server.store.pendingStructs).not.toBeNull();
  });

  it("refuses an item placed after another client's item the server does not have", () => {
    const server = new Y.Doc();
    const other = docWith('abc', 2);
    const writer = new Y.Doc();
    writer.clientID = 3;
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(other));
    const before = Y.encodeStateVector(writer);
    writer.getText('body').insert(3, 'd');
    expect(missingDependency(server, Y.decodeUpdate(Y.encodeStateAsUpdate(writer, before)))).toMatch(
      /origin 2:2 is unknown/,
    );
  });

  it('refuses a deletion of something the server never had', () => {
    const server = new Y.Doc();
    const writer = docWith('abc', 4);
    writer.getText('body').delete(0, 1);
    // The delete set alone: no struct beyond the writer's own state vector.
    const deleteOnly = Y.encodeStateAsUpdate(writer, Y.encodeStateVector(writer));
    expect(missingDependency(server, Y.decodeUpdate(deleteOnly))).toMatch(/deletion of 4:0\+1 beyond/);
  });

  it("accepts a returning client's sync step 2, which carries whatever its later updates needed", () => {
    const server = docWith('bonjour', 1);
    const client = new Y.Doc();
    client.clientID = 5;
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const serverState = Y.encodeStateVector(server);
    client.getText('body').insert(7, ' (hors ligne)');
    const offline = Y.encodeStateVector(client);
    client.getText('body').insert(0, '> ');
    const typedOnReconnect = Y.encodeStateAsUpdate(client, offline);
    expect(missingDependency(server, Y.decodeUpdate(typedOnReconnect))).not.toBeNull();
    const step2 = Y.encodeStateAsUpdate(client, serverState);
    expect(missingDependency(server, Y.decodeUpdate(step2))).toBeNull();
    Y.applyUpdate(server, step2);
    expect(server.getText('body').toString()).toBe('> bonjour (hors ligne)');
    expect(updateChangesDoc(server, typedOnReconnect)).toBe(false);
  });
});

describe('updateDepth', () => {
  const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment('default');

  it('counts a paragraph and its text as two levels, a quote around them as three', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    fragmentOf(client).insert(0, [nestedQuotes(1)]);
    const update = Y.encodeStateAsUpdate(client);
    expect(updateDepth(server, Y.decodeUpdate(update), MAX_DOCUMENT_DEPTH)).toBe(3);
  });

  it('measures nesting carried by one update, deeper than the call stack, without recursion', () => {
    const client = new Y.Doc();
    // Level by level, as an editor would (Yjs integrates prepared nested content recursively).
    client.transact(() => {
      let parent: Y.XmlFragment = fragmentOf(client);
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
      const paragraph = new Y.XmlElement('paragraph');
      parent.insert(0, [paragraph]);
      paragraph.insert(0, [new Y.XmlText('profond')]);
    });
    const update = Y.encodeStateAsUpdate(client);
    const decoded = Y.decodeUpdate(update);
    expect(updateDepth(new Y.Doc(), decoded, MAX_DOCUMENT_DEPTH)).toBeGreaterThan(MAX_DOCUMENT_DEPTH);
    expect(updateDepth(new Y.Doc(), decoded, Number.POSITIVE_INFINITY)).toBe(20_002);
  });

  it('adds the depth of the parent already in the document, and of a neighbour for items placed beside one', () => {
    const server = new Y.Doc();
    fragmentOf(server).insert(0, [nestedQuotes(40)]);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    let innermost = fragmentOf(client).get(0) as Y.XmlElement;
    for (let i = 0; i < 39; i++) innermost = innermost.get(0) as Y.XmlElement;
    // innermost is the 40th quote (depth 40); its paragraph is at 41.
    const before = Y.encodeStateVector(client);
    innermost.insert(1, [nestedQuotes(30)]);
    const deeper = Y.encodeStateAsUpdate(client, before);
    expect(updateDepth(server, Y.decodeUpdate(deeper), MAX_DOCUMENT_DEPTH)).toBeGreaterThan(
      MAX_DOCUMENT_DEPTH,
    );
    expect(updateDepth(server, Y.decodeUpdate(deeper), Number.POSITIVE_INFINITY)).toBe(40 + 30 + 2);

    const shallow = new Y.Doc();
    Y.applyUpdate(shallow, Y.encodeStateAsUpdate(server));
    let quote = fragmentOf(shallow).get(0) as Y.XmlElement;
    for (let i = 0; i < 9; i++) quote = quote.get(0) as Y.XmlElement;
    const sv = Y.encodeStateVector(shallow);
    // Placed after the 10th quote's paragraph: no parent in the update, only a left neighbour.
    quote.insert(1, [new Y.XmlElement('paragraph')]);
    const beside = Y.decodeUpdate(Y.encodeStateAsUpdate(shallow, sv));
    expect((beside.structs[0] as Y.Item).parent).toBeNull();
    expect(updateDepth(server, beside, MAX_DOCUMENT_DEPTH)).toBe(11);
  });

  it('lets the template and real content through', () => {
    const client = new Y.Doc();
    const table = new Y.XmlElement('table');
    const row = new Y.XmlElement('tableRow');
    const cell = new Y.XmlElement('tableCell');
    const list = new Y.XmlElement('taskList');
    const item = new Y.XmlElement('taskItem');
    item.insert(0, [nestedQuotes(5)]);
    list.insert(0, [item]);
    cell.insert(0, [list]);
    row.insert(0, [cell]);
    table.insert(0, [row]);
    fragmentOf(client).insert(0, [table]);
    const update = Y.encodeStateAsUpdate(client);
    expect(updateDepth(new Y.Doc(), Y.decodeUpdate(update), MAX_DOCUMENT_DEPTH)).toBe(12);
  });
});
