import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const SCREENS = [
  { id: 'inbox', label: 'Inbox' },
  { id: 'datasets', label: 'Datasets' },
  { id: 'review', label: 'Review' },
  { id: 'deliveries', label: 'Deliveries' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ScreenLabel = (typeof SCREENS)[number]['label'];

export interface ProfileDetails {
  name: string;
  organisation: string;
  email: string;
  roles: string[];
}

export const ANA: ProfileDetails = {
  name: 'Ana Analyst',
  organisation: 'Northwind Research',
  email: 'ana@northwind.example',
  roles: ['Analyst', 'Reviewer'],
};

/** Page object for the app shell, onboarding and Settings. */
export class AppPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  get onboardingForm(): Locator {
    return this.page.getByRole('form', { name: 'Create your profile' });
  }

  async completeOnboarding(profile: ProfileDetails = ANA): Promise<void> {
    const form = this.onboardingForm;
    await form.getByLabel('Your name').fill(profile.name);
    await form.getByLabel('Organisation').fill(profile.organisation);
    await form.getByLabel('E-mail').fill(profile.email);
    for (const role of profile.roles)
      await form.getByRole('checkbox', { name: new RegExp(`^${role}:`) }).check();
    await form.getByRole('button', { name: 'Create profile and signing key' }).click();
    await expect(this.sidebar).toBeVisible();
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  screenHeading(label: ScreenLabel): Locator {
    return this.page.getByRole('heading', { level: 1, name: label });
  }

  async openFromSidebar(label: ScreenLabel): Promise<void> {
    await this.sidebar.getByRole('link', { name: label }).click();
    await expect(this.screenHeading(label)).toBeVisible();
  }

  async openFromPalette(label: ScreenLabel): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K');
    const search = this.page.getByRole('textbox', { name: 'Command palette search' });
    await expect(search).toBeVisible();
    await search.fill(label);
    await this.page.getByRole('button', { name: new RegExp(`Go to ${label}`) }).click();
    await expect(this.screenHeading(label)).toBeVisible();
  }

  async colorScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }

  get trustedKeysSection(): Locator {
    return this.page.getByRole('region', { name: 'Trusted keys' });
  }

  /** This profile's public key as Settings shows it (minisign .pub text) and its key id. */
  async ownPublicKey(): Promise<{ text: string; keyId: string }> {
    await this.openFromSidebar('Settings');
    const text = (await this.page.getByTestId('own-public-key').textContent()) ?? '';
    const keyId = (await this.page.getByTestId('own-key-id').textContent()) ?? '';
    expect(text).toContain('untrusted comment');
    return { text: `${text.trim()}\n`, keyId };
  }

  async addTrustedKey(publicKeyText: string, name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a trusted key' });
    await form.getByLabel('Public key').fill(publicKeyText);
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Add trusted key' }).click();
  }
}
