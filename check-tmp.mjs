import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const [email, path, n] = process.argv.slice(2);
const p = await (await b.newContext({ viewport: { width: 360, height: 800 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
await p.goto('http://localhost:4310/connexion');
await p.getByLabel(/Adresse e-mail/).fill(email);
await p.getByLabel(/Mot de passe/).fill('passerelle-demo');
await p.getByRole('button', { name: /Se connecter/ }).click();
await p.getByRole('button', { name: 'Se déconnecter' }).waitFor();
await p.waitForTimeout(1000);
const base = new URL(p.url()).pathname.split('/').slice(0, 3).join('/');
await p.goto(`http://localhost:4310${base}/${path}`);
await p.waitForLoadState('networkidle').catch(() => {});
await p.waitForTimeout(800);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
for (let i = 0; i < Math.min(Number(n), Math.ceil(h / 800)); i++) {
  await p.screenshot({ path: `/tmp/shots/v-${i}.png`, clip: { x: 0, y: i * 800, width: 360, height: Math.min(800, h - i * 800) }, fullPage: true });
}
console.log('height', h);
await b.close();
