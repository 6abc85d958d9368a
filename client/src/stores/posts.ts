import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Query } from '@/api/http';
import { postsApi, type CreatePostBody, type Post, type UpdatePostBody } from '@/api/posts';

export const usePostsStore = defineStore('posts', () => {
  const byId = ref<Record<string, Post>>({});
  /** The ids of the last list fetched, in the server's order. */
  const listIds = ref<string[]>([]);
  const list = computed(() => listIds.value.map((id) => byId.value[id]).filter((p): p is Post => !!p));

  function keep(post: Post): Post {
    byId.value[post.id] = post;
    return post;
  }

  async function fetchList(query: Query = {}): Promise<Post[]> {
    const posts = await postsApi.list(query);
    posts.forEach(keep);
    listIds.value = posts.map((p) => p.id);
    return posts;
  }

  const fetchOne = async (id: string) => keep(await postsApi.get(id));
  const create = async (body: CreatePostBody) => keep(await postsApi.create(body));
  const update = async (id: string, body: UpdatePostBody) => keep(await postsApi.update(id, body));
  const setActive = async (id: string, active: boolean) => keep(await (active ? postsApi.activate(id) : postsApi.deactivate(id)));

  return { byId, list, fetchList, fetchOne, create, update, setActive };
});
