import { createApp } from 'vue';
import App from './App.vue';
import router from './router.js';
import { whenUnauthorized } from './api.js';
import { forgetSession } from './session.js';
import './styles.css';

whenUnauthorized(() => {
  forgetSession();
  if (router.currentRoute.value.name !== 'login') {
    router.push({ name: 'login', query: { next: router.currentRoute.value.fullPath, expired: '1' } });
  }
});

createApp(App).use(router).mount('#app');
