import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

export const THEMES: Readonly<Record<ThemeName, Theme>> = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

/**
 * The pane's theme from the host's body colours (Office's officeTheme): pure black behind pure
 * white is high contrast, any other dark background is dark, the rest light.
 */
export function themeFor(background: string | undefined, foreground?: string): ThemeName {
  const rgb = /^#?([0-9a-f]{6})$/i.exec(background ?? '')?.[1];
  if (!rgb) return 'light';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  if (rgb.toLowerCase() === '000000' && /^#?ffffff$/i.test(foreground ?? '')) return 'contrast';
  return luminance < 0.4 ? 'dark' : 'light';
}

/** Office's theme inside the host; outside it, the browser's light or dark preference. */
export function paneTheme(inHost: boolean): ThemeName {
  const officeTheme = inHost ? Office.context.officeTheme : undefined;
  if (officeTheme) return themeFor(officeTheme.bodyBackgroundColor, officeTheme.bodyForegroundColor);
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
