import { themeFor } from '../../src/taskpane/theme';

describe('the pane follows the Office theme', () => {
  test.each([
    ['#FFFFFF', '#000000', 'light'],
    ['#E6E6E6', '#262626', 'light'],
    ['#262626', '#FFFFFF', 'dark'],
    ['#1F1F1F', '#FFFFFF', 'dark'],
    ['#000000', '#FFFFFF', 'contrast'],
    [undefined, undefined, 'light'],
    ['not a colour', undefined, 'light'],
  ])('background %s, text %s → %s', (background, foreground, expected) => {
    expect(themeFor(background, foreground)).toBe(expected);
  });
});
