/** The entity card for the popup's look-up (`EntityCard`) and the card's CSS; the in-page card is `controller.tsx`. */
export { EntityCard } from './EntityCard';
export { CARD_CSS } from './card-css';
