import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { usersApi, type CreateUserBody, type UpdateUserBody, type UserAccount } from '@/api/users';

export const useUsersStore = defineStore('users', () => {
  const byId = ref<Record<string, UserAccount>>({});
  const list = computed(() => Object.values(byId.value).sort((a, b) => a.username.localeCompare(b.username)));

  function keep(user: UserAccount): UserAccount {
    byId.value[user.id] = user;
    return user;
  }

  async function fetchAll(): Promise<void> {
    const users = await usersApi.list();
    byId.value = Object.fromEntries(users.map((u) => [u.id, u]));
  }

  const create = async (body: CreateUserBody) => keep(await usersApi.create(body));
  const update = async (id: string, body: UpdateUserBody) => keep(await usersApi.update(id, body));
  const resetPassword = async (id: string, temporaryPassword: string) => keep(await usersApi.resetPassword(id, temporaryPassword));

  return { byId, list, fetchAll, create, update, resetPassword };
});
