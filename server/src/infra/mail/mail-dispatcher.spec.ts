import { linksIn } from './mail-dispatcher';

describe('the links of a mail logged without SMTP', () => {
  it('finds each web address of the text once, in order, without the punctuation around it', () => {
    const text = [
      'Bonjour Claire,',
      'Sophie vous invite (voir http://localhost:3000/invitation/abc123).',
      'Accepter l’invitation : http://localhost:3000/invitation/abc123',
      'Choisir un mot de passe : https://affluents.be/reinitialiser/x-Y_z',
    ].join('\n\n');
    expect(linksIn(text)).toEqual([
      'http://localhost:3000/invitation/abc123',
      'https://affluents.be/reinitialiser/x-Y_z',
    ]);
  });
});
