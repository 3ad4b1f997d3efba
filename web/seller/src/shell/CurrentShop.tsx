/**
 * Which of the seller's shops the pages work on. A person runs up to five shops: the choice is kept in the browser,
 * so the seller centre opens on the shop they worked on last.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface ShopChoice {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

interface CurrentShopValue {
  readonly shop: ShopChoice | null;
  readonly shops: readonly ShopChoice[];
  readonly choose: (shopId: string) => void;
}

const storageKey = 'goshop.seller.shop';
const CurrentShopContext = createContext<CurrentShopValue | null>(null);

export function CurrentShopProvider({ shops, children }: { shops: readonly ShopChoice[]; children: ReactNode }) {
  const [chosen, setChosen] = useState(() => localStorage.getItem(storageKey));
  const choose = useCallback((shopId: string) => {
    localStorage.setItem(storageKey, shopId);
    setChosen(shopId);
  }, []);
  // A shop closed or given up since keeps no hold: the first open one is taken instead.
  const shop = shops.find((s) => s.id === chosen) ?? shops.find((s) => s.status !== 'CLOSED') ?? shops[0] ?? null;
  const value = useMemo(() => ({ shop, shops, choose }), [shop, shops, choose]);
  return <CurrentShopContext.Provider value={value}>{children}</CurrentShopContext.Provider>;
}

/** The seller's shops, or null outside a signed-in seller's pages (the header of the sign-in page). */
export function useOptionalCurrentShop(): CurrentShopValue | null {
  return useContext(CurrentShopContext);
}

export function useCurrentShop(): CurrentShopValue {
  const value = useContext(CurrentShopContext);
  if (!value) throw new Error('useCurrentShop outside CurrentShopProvider');
  return value;
}

/** The shop the page works on; the shell renders pages only once the seller has one. */
export function useShopId(): string {
  const { shop } = useCurrentShop();
  if (!shop) throw new Error('useShopId before the seller has a shop');
  return shop.id;
}
