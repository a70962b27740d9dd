// Who is signed in, and what each role may open. The server checks every request itself;
// this only decides which pages the navigation offers.
import { reactive } from 'vue';
import { api, currentToken, setToken } from './api.js';

export const ROLE_NAMES = {
  admin: '系统管理员',
  office: '质量办',
  unit_reporter: '责任单位填报员',
  inspector: '监管执法人员',
  enterprise: '企业',
  public: '公众',
};

export const session = reactive({ me: null, loaded: false });

export function role() {
  return session.me?.role || 'public';
}

export async function loadMe() {
  if (!currentToken()) {
    session.me = null;
  } else {
    try {
      const body = await api.get('/me', { quiet: true });
      session.me = body.user ?? body; // {"user":{username, role, unit, entity, role_label}}
    } catch {
      setToken('');
      session.me = null;
    }
  }
  session.loaded = true;
  return session.me;
}

export async function login(username, password) {
  const { token } = await api.post('/session', { json: { username, password } });
  setToken(token);
  return loadMe();
}

export async function logout() {
  try {
    if (currentToken()) await api.del('/session', { quiet: true });
  } finally {
    setToken('');
    session.me = null;
  }
}

export function forgetSession() {
  session.me = null;
}
