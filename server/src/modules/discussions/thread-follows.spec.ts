import { postFollowers } from './thread-follows';

const AUTHOR = '00000000-0000-4000-8000-000000000001';
const CLAIRE = '00000000-0000-4000-8000-000000000002';
const DAVID = '00000000-0000-4000-8000-000000000003';

describe('postFollowers', () => {
  it('makes the author follow a thread they post in, even without mentions', () => {
    expect(postFollowers(AUTHOR, [])).toEqual([AUTHOR]);
  });

  it('adds the mentioned members, then the thread’s own followers, each once', () => {
    expect(postFollowers(AUTHOR, [CLAIRE, AUTHOR], [DAVID, CLAIRE])).toEqual([AUTHOR, CLAIRE, DAVID]);
  });
});
