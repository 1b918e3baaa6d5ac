/**
 * The 3-D view: the crop's box, the fitted spheres (cyan; grey when the centre is outside the image),
 * the slab as a translucent plane and a maximum-intensity projection of the data on the box's floor.
 * World units are x pixels: z is stretched by zscale, so spheres are round. Renders on demand.
 */
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { ParticleRow, Projection } from '../../workers/protocol';
import { applyLut, lutTable } from '../render/lut';

export interface Slab {
  zpos: number;
  theta: number;
  phi: number;
}

export class FitScene {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(40, 1, 0.1, 10_000);
  private readonly controls: OrbitControls;
  private readonly group = new THREE.Group();
  private spheres: THREE.InstancedMesh | null = null;
  private slab: THREE.Mesh | null = null;
  private floor: THREE.Mesh | null = null;
  private shape: [number, number, number] = [1, 1, 1];
  private zscale = 1;
  count = 0;

  constructor(private readonly host: HTMLElement) {
    this.renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(window.devicePixelRatio || 1);
    host.appendChild(this.renderer.domElement);
    this.scene.background = new THREE.Color(0x0b0d10);
    this.scene.add(new THREE.AmbientLight(0xffffff, 0.55));
    const sun = new THREE.DirectionalLight(0xffffff, 1.6);
    sun.position.set(1, -1, 2);
    this.scene.add(sun, this.group);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    this.controls.addEventListener('change', () => this.render());
  }

  setBox(shape: [number, number, number], zscale: number): void {
    this.shape = shape;
    this.zscale = zscale > 0 ? zscale : 1;
    const [nz, ny, nx] = shape;
    const depth = nz * this.zscale;
    const box = new THREE.LineSegments(new THREE.EdgesGeometry(new THREE.BoxGeometry(nx, ny, depth)), new THREE.LineBasicMaterial({ color: 0x8b95a3 }));
    box.position.set(nx / 2 - 0.5, ny / 2 - 0.5, depth / 2 - 0.5 * this.zscale);
    box.name = 'box';
    this.group.getObjectByName('box')?.removeFromParent();
    this.group.add(box);
    const r = Math.hypot(nx, ny, depth);
    this.controls.target.copy(box.position);
    this.camera.position.set(box.position.x + 0.2 * r, box.position.y - 1.3 * r, box.position.z + 0.9 * r);
    this.camera.up.set(0, 0, 1);
    this.controls.update();
  }

  setParticles(rows: readonly ParticleRow[]): void {
    this.spheres?.removeFromParent();
    this.spheres?.dispose();
    const mesh = new THREE.InstancedMesh(new THREE.SphereGeometry(1, 20, 14), new THREE.MeshStandardMaterial({ roughness: 0.5 }), Math.max(1, rows.length));
    const m = new THREE.Matrix4();
    rows.forEach((p, i) => {
      m.makeScale(p.a, p.a, p.a).setPosition(p.x, p.y, p.z * this.zscale);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, new THREE.Color(p.inImage ? 0x3fd8e8 : 0x7d8794));
    });
    mesh.count = rows.length;
    this.count = rows.length;
    this.spheres = mesh;
    this.group.add(mesh);
  }

  setSlab(s: Slab | null): void {
    this.slab?.removeFromParent();
    this.slab = null;
    if (!s) return;
    const [, ny, nx] = this.shape;
    // PERI's normal in (z, y, x): (cosφ cosθ, sinθ, −sinφ cosθ); world z is stretched by zscale.
    const n = new THREE.Vector3(-Math.sin(s.phi) * Math.cos(s.theta), Math.sin(s.theta), (Math.cos(s.phi) * Math.cos(s.theta)) / this.zscale).normalize();
    const plane = new THREE.Mesh(new THREE.PlaneGeometry(nx, ny), new THREE.MeshBasicMaterial({ color: 0xe2a336, transparent: true, opacity: 0.25, side: THREE.DoubleSide }));
    plane.quaternion.setFromUnitVectors(new THREE.Vector3(0, 0, 1), n);
    plane.position.set(nx / 2, ny / 2, s.zpos * this.zscale);
    this.slab = plane;
    this.group.add(plane);
  }

  setMip(p: Projection, lo: number, hi: number): void {
    this.floor?.removeFromParent();
    const rgba = new Uint8ClampedArray(p.width * p.height * 4);
    applyLut(p.data, lo, hi, lutTable('bone'), rgba);
    const tex = new THREE.DataTexture(rgba, p.width, p.height, THREE.RGBAFormat);
    tex.needsUpdate = true;
    tex.magFilter = THREE.NearestFilter;
    const floor = new THREE.Mesh(new THREE.PlaneGeometry(p.width, p.height), new THREE.MeshBasicMaterial({ map: tex, side: THREE.DoubleSide }));
    floor.position.set(p.width / 2 - 0.5, p.height / 2 - 0.5, -0.5 * this.zscale);
    this.floor = floor;
    this.group.add(floor);
  }

  resize(): void {
    const { clientWidth: w, clientHeight: h } = this.host;
    if (w === 0 || h === 0) return;
    this.renderer.setSize(w, h);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.render();
  }

  render(): void {
    this.renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.controls.dispose();
    this.spheres?.dispose();
    this.renderer.dispose();
    this.renderer.domElement.remove();
  }
}
