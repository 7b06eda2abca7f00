/**
 * What a shop's product page holds besides the product: its customers' reviews (the product's
 * comment thread), ratings summaries, and the carousels of other products. Kept as data, as the
 * clutter rules are; used only when a page declares itself a product (schema.org or OpenGraph), so
 * that a review article or a service's testimonials are never touched.
 */
export const PRODUCT_FURNITURE_SELECTORS = [
  '#BVRRContainer',
  '#customer-reviews',
  '#pr-reviewdisplay',
  '#reviews',
  '.jdgm-widget',
  '.loox-reviews',
  '.okeReviews',
  '.product-reviews',
  '.reviews',
  '.stamped-reviews',
  '.trustpilot-widget',
  '.yotpo',
  '[class*="also-bought" i]',
  '[class*="cross-sell" i]',
  '[class*="product-recommendations" i]',
  '[class*="recently-viewed" i]',
  '[class*="related-products" i]',
  '[class*="upsell" i]',
  '[data-bv-show]',
  '[id*="product-reviews" i]',
  '[id*="recently-viewed" i]',
  '[itemprop="aggregateRating"]',
  '[itemprop="review"]',
];
