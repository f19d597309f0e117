import react from '@vitejs/plugin-react';
import wesley from '@wesley/unplugin/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [wesley(), react()],
});
