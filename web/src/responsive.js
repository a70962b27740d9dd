import { onBeforeUnmount, ref } from 'vue';

// True on a phone-width screen; pages switch to one column and a drawer menu there.
export function usePhone() {
  const query = window.matchMedia('(max-width: 767px)');
  const phone = ref(query.matches);
  const update = (event) => {
    phone.value = event.matches;
  };
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return phone;
}
