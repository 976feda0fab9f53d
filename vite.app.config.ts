import vue from '@vitejs/plugin-vue';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The one Vite configuration of the three apps: each is served by the hub under /<name>/,
 * and in development proxies the hub's API and socket to LUOT_HUB (default localhost:8080).
 * `pages` lists every HTML entry by name when an app has more than index.html (absolute paths).
 */
export function appConfig(name: 'kiosk' | 'counter' | 'display', pages?: Record<string, string>): UserConfig {
  const hub = process.env.LUOT_HUB ?? 'http://localhost:8080';
  return defineConfig({
    base: `/${name}/`,
    plugins: [vue()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: pages ? { input: pages } : {},
    },
    server: {
      proxy: {
        '/api': hub,
        '/t/': hub,
        '/socket.io': { target: hub, ws: true },
      },
    },
  });
}
