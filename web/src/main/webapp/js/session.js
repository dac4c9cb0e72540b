// The logged-in user's token, kept for this browser tab only (sessionStorage): closing the tab logs out.

const KEY = 'callcenter.session';

export const session = {
    /** @returns {{token: string, user: object, expiresAt: number} | null} */
    get() {
        try {
            const value = JSON.parse(sessionStorage.getItem(KEY));
            return value && value.token && value.expiresAt > Date.now() ? value : null;
        } catch (e) {
            return null;
        }
    },
    token() {
        const s = this.get();
        return s ? s.token : null;
    },
    user() {
        const s = this.get();
        return s ? s.user : null;
    },
    save(login) {
        sessionStorage.setItem(KEY, JSON.stringify({
            token: login.token, user: login.user, expiresAt: Date.now() + login.expiresIn * 1000,
        }));
    },
    clear() {
        sessionStorage.removeItem(KEY);
    },
};

export function isSupervisor(user) {
    return !!user && (user.role === 'supervisor' || user.role === 'admin');
}
