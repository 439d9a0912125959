import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Plain Vite (not @cloudflare/vite-plugin, which pins an older wrangler and workerd): the
// app is static files in dist/client, served by the web worker's Workers Static Assets.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/client",
    emptyOutDir: true,
    // Screens that a first visit does not need (chat with its Markdown, admin) are split
    // off by dynamic import; the entry stays small (web_entry_js_kb_gz in the bench).
    chunkSizeWarningLimit: 600,
  },
});
