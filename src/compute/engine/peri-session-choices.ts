/** The component choices of PERI's statemaker defaults (no dependencies: the UI imports this). */
export const ILM_CHOICES = ['BarnesStreakLegPoly2P1D', 'LegendrePoly2P1D', 'LegendrePoly3D'] as const;
export const PSF_CHOICES = ['AnisotropicGaussianXYZ', 'AnisotropicGaussian', 'FixedSSChebLinePSF', 'IdentityPSF'] as const;
export const MODEL_CHOICES = ['ConfocalImageModel', 'ConfocalDyedParticlesModel'] as const;

export interface StatemakerChoices {
  model?: (typeof MODEL_CHOICES)[number];
  ilm?: (typeof ILM_CHOICES)[number];
  psf?: (typeof PSF_CHOICES)[number];
  /** Radius of the particles (px). */
  radius?: number;
  zscale?: number;
  /** Coverslip position (px); null: no slab. */
  slabZ?: number | null;
}

