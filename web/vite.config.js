import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// `npm run dev` proxies the API to a running `zhiyou serve` (ZHIYOU_API, default :8080), so
// the pages can be worked on with hot reload against the real server.
const api = process.env.ZHIYOU_API || 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    vue(),
    // Registers only the Element Plus components the templates use, with their styles.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  base: '/',
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Charts only load on the pages that draw them; Element Plus is shared by all pages.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@vueuse|@floating-ui|lodash)/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': api, '/healthz': api } },
});
