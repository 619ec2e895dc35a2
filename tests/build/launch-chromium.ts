import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Launches Chromium headless as playwright.config.ts does: CHROMIUM_PATH, else the system one, else Playwright's own. */
export function launchChromium(): Promise<Browser> {
  const system = '/usr/bin/chromium';
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(system) ? system : undefined);
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}
