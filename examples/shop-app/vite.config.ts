import wesley from '@wesley/unplugin/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [wesley()],
});
