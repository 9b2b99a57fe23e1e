/**
 * What a citymaker's password must be: long (length beats composition rules), not built from the
 * e-mail address, and not one of the passwords every attacker tries first. Applied at
 * registration, on password change and on reset.
 */
export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 256

// The most used passwords of at least 12 characters in public breach lists, and the
// platform's own name: a short list catches what attackers try first.
const COMMON = new Set(
  [
    '123456789012', '1234567890123', '12345678901234', '123456789123', '1234567891011', '111111111111', '000000000000',
    '123123123123', '121212121212', '123412341234', 'abcd12345678', 'abc123456789', 'qwertyuiopas', 'qwertyuiop12',
    'qwertyuiop123', 'qwerty123456', 'qwerty1234567', '1qaz2wsx3edc', '1q2w3e4r5t6y', 'q1w2e3r4t5y6', 'zaq12wsxcde3',
    'asdfghjkl123', 'asdfasdfasdf', 'password1234', 'password12345', 'password123456', 'passw0rd1234', 'p@ssw0rd1234',
    'password!123', 'passwordpassword', 'iloveyou1234', 'letmein12345', 'welcome12345', 'welcome123456', 'changeme1234',
    'administrator', 'admin1234567', 'adminadmin123', 'monkey123456', 'dragon123456', 'football1234', 'baseball1234',
    'sunshine1234', 'princess1234', 'superman1234', 'starwars1234', 'trustno11234', 'whatever1234', 'michael12345',
    'jessica12345', 'charlie12345', 'computer1234', 'internet1234', 'abcdefghijkl', 'abcdefghijklm', 'abcdef123456',
    'aaaaaaaaaaaa', 'zxcvbnm12345', 'zxcvbnmasdfg', 'mustang12345', 'shadow123456', 'master123456', 'hello1234567',
    'freedom12345', 'summer2024!!', 'summer202412', 'winter202412', 'spring202412', 'autumn202412', 'citymaker123',
    'citymaker1234', 'urbansustainability', 'sustainability', 'sustainable123', 'useplatform123',
  ].map((p) => p.toLowerCase()),
)

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: unknown, email?: string | null): string | null {
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH) return `Password must have at least ${MIN_PASSWORD_LENGTH} characters`
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must have at most ${MAX_PASSWORD_LENGTH} characters`
  const lower = password.toLowerCase()
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'Password is too common; choose a longer phrase of your own'
  if (email) {
    const address = email.toLowerCase()
    const local = address.split('@')[0] ?? ''
    if (lower === address || lower.includes(address) || (local.length >= 4 && lower.includes(local))) return 'Password must not contain your e-mail address'
  }
  return null
}
