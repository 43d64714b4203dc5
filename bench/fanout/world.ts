/** The simulated user base, the same in every instance process (seeded): who is where, who talks to whom. */
export interface World {
  instances: number;
  users: number;
  /** Members of each chat. */
  chats: number[][];
  /** Chats of each user. */
  chatsOf: number[][];
}

/** mulberry32: a small seeded PRNG, so every process builds the same world. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Users spread round-robin over instances (as a load balancer would); 3 direct chats per user on
 * average with random peers, and one group of 8 per 10 users. */
export function buildWorld(instances: number, users: number, seed = 42): World {
  const rnd = prng(seed);
  const pick = () => Math.floor(rnd() * users);
  const chats: number[][] = [];
  for (let i = 0; i < (users * 3) / 2; i++) {
    const a = pick();
    let b = pick();
    while (b === a) b = pick();
    chats.push([a, b]);
  }
  for (let i = 0; i < users / 10; i++) chats.push([...new Set(Array.from({ length: 8 }, pick))]);
  const chatsOf: number[][] = Array.from({ length: users }, () => []);
  chats.forEach((members, chat) => {
    for (const u of members) chatsOf[u]?.push(chat);
  });
  return { instances, users, chats, chatsOf };
}

export const instanceOf = (world: World, user: number) => user % world.instances;
